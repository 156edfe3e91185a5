CREATE TABLE `document_scans` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`removed_at` text,
	`removed_by` text,
	`removed_reason` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_scans_document` ON `document_scans` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`version_no` integer NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`case_version` integer,
	`signer_id` text,
	`fields` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_no` ON `document_versions` (`document_id`,`version_no`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`case_id` text,
	`step_code` text,
	`item_id` text,
	`series` text,
	`year` integer,
	`seq` integer,
	`number` text,
	`letter_date` text NOT NULL,
	`hal` text DEFAULT '' NOT NULL,
	`addressee` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`void_reason` text,
	`voided_at` text,
	`voided_by` text,
	`latest_version` integer NOT NULL,
	`request_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_series_seq` ON `documents` (`series`,`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number` ON `documents` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_request_id` ON `documents` (`request_id`);--> statement-breakpoint
CREATE INDEX `documents_case` ON `documents` (`case_id`,`type`);--> statement-breakpoint
CREATE INDEX `documents_year` ON `documents` (`year`,`type`);--> statement-breakpoint
-- A generated file is never changed or removed: a correction is a new version.
CREATE TRIGGER `document_versions_no_update` BEFORE UPDATE ON `document_versions`
BEGIN SELECT RAISE(ABORT, 'document_versions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `document_versions_no_delete` BEFORE DELETE ON `document_versions`
BEGIN SELECT RAISE(ABORT, 'document_versions is append-only'); END;
--> statement-breakpoint
-- A number once given stays in the register (voided, never deleted); scans are removed only softly.
CREATE TRIGGER `documents_no_delete` BEFORE DELETE ON `documents`
BEGIN SELECT RAISE(ABORT, 'documents are voided, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `document_scans_no_delete` BEFORE DELETE ON `document_scans`
BEGIN SELECT RAISE(ABORT, 'document scans are removed softly, never deleted'); END;
