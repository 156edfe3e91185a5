CREATE TABLE `lan_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`fingerprint` text NOT NULL,
	`cert_pem` text NOT NULL,
	`paired_at` text NOT NULL,
	`paired_by` text,
	`first_seen_at` text,
	`last_seen_at` text,
	`last_address` text,
	`revoked_at` text,
	`revoked_by` text,
	`revoke_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lan_devices_fingerprint` ON `lan_devices` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `lan_host` (
	`id` integer PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`port` integer NOT NULL,
	`bind_address` text DEFAULT '0.0.0.0' NOT NULL,
	`name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `lan_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`key_pem` text NOT NULL,
	`cert_pem` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE TABLE `lan_requests` (
	`device_id` text NOT NULL,
	`key` text NOT NULL,
	`method` text NOT NULL,
	`response` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`device_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `lan_requests_at` ON `lan_requests` (`at`);