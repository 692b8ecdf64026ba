/**
 * Payout files from the ERP's SFTP outbox: CSV and ABA (Cemtex) read with camel-bindy, each row
 * validated and recorded, an acknowledgement file written back, accepted rows queued for Flash.
 */
package io.flashbridge.intake.file;
