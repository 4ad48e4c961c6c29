-- An Attaché store of schema version 1, written by the first release's code (commit 90774fa,
-- whose files were version 3): its Store created an organisation, a user, a mission, a contact,
-- a meeting and a lead, acknowledged them as a sync would, then edited the contact, added a
-- follow-up and deleted the lead offline (pending). store-v3 adds a conflict row (v3's table;
-- that release had no writer for it yet). store-v1 holds the same record rows in a file made by
-- that commit's migrations::migrate(db, 1): the record tables are the same in v1 and v3.
-- Produced with `sqlite3 FILE .dump`, which leaves out the two PRAGMAs below. Frozen: never edit
-- or regenerate; a later schema gets its own dump.
PRAGMA application_id = 1096045635;
PRAGMA user_version = 1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
INSERT INTO meta VALUES('device_id','5eed5eed5eed5eed');
INSERT INTO meta VALUES('hlc_last','0000019b76db9648-0002-5eed5eed5eed5eed');
INSERT INTO meta VALUES('current_user','01900000-0000-7000-8000-000000000001');
CREATE TABLE organisations (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  name TEXT, short_name TEXT, country TEXT, address TEXT);
INSERT INTO organisations VALUES('01900000-0000-7000-8000-0000000000a1',1767225600000,1767225600000,NULL,'5eed5eed5eed5eed',0,'{"country":"0000019b76daa800-0000-5eed5eed5eed5eed","name":"0000019b76daa800-0000-5eed5eed5eed5eed","short_name":"0000019b76daa800-0000-5eed5eed5eed5eed"}','{"country":"0000019b76daa800-0000-5eed5eed5eed5eed","name":"0000019b76daa800-0000-5eed5eed5eed5eed","short_name":"0000019b76daa800-0000-5eed5eed5eed5eed"}',NULL,'Sở Ngoại vụ Hà Tĩnh','SNV Hà Tĩnh','VN',NULL);
CREATE TABLE users (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  full_name TEXT, title TEXT, role TEXT, organisation_id TEXT, email TEXT);
INSERT INTO users VALUES('01900000-0000-7000-8000-000000000001',1767225600000,1767225600000,NULL,'5eed5eed5eed5eed',0,'{"full_name":"0000019b76daa800-0001-5eed5eed5eed5eed","organisation_id":"0000019b76daa800-0001-5eed5eed5eed5eed","role":"0000019b76daa800-0001-5eed5eed5eed5eed"}','{"full_name":"0000019b76daa800-0001-5eed5eed5eed5eed","organisation_id":"0000019b76daa800-0001-5eed5eed5eed5eed","role":"0000019b76daa800-0001-5eed5eed5eed5eed"}',NULL,'Trần Thị Hạnh',NULL,'member','01900000-0000-7000-8000-0000000000a1',NULL);
CREATE TABLE missions (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  organisation_id TEXT, title TEXT, purpose TEXT, decision_number TEXT, decision_date TEXT,
  countries TEXT, cities TEXT, start_date TEXT, end_date TEXT, leader_id TEXT, member_ids TEXT,
  status TEXT, notes TEXT);
INSERT INTO missions VALUES('01900000-0000-7000-8000-0000000000b1',1767225601000,1767225601000,'01900000-0000-7000-8000-000000000001','5eed5eed5eed5eed',0,'{"cities":"0000019b76daabe8-0000-5eed5eed5eed5eed","countries":"0000019b76daabe8-0000-5eed5eed5eed5eed","end_date":"0000019b76daabe8-0000-5eed5eed5eed5eed","member_ids":"0000019b76daabe8-0000-5eed5eed5eed5eed","organisation_id":"0000019b76daabe8-0000-5eed5eed5eed5eed","start_date":"0000019b76daabe8-0000-5eed5eed5eed5eed","status":"0000019b76daabe8-0000-5eed5eed5eed5eed","title":"0000019b76daabe8-0000-5eed5eed5eed5eed"}','{"cities":"0000019b76daabe8-0000-5eed5eed5eed5eed","countries":"0000019b76daabe8-0000-5eed5eed5eed5eed","end_date":"0000019b76daabe8-0000-5eed5eed5eed5eed","member_ids":"0000019b76daabe8-0000-5eed5eed5eed5eed","organisation_id":"0000019b76daabe8-0000-5eed5eed5eed5eed","start_date":"0000019b76daabe8-0000-5eed5eed5eed5eed","status":"0000019b76daabe8-0000-5eed5eed5eed5eed","title":"0000019b76daabe8-0000-5eed5eed5eed5eed"}',NULL,'01900000-0000-7000-8000-0000000000a1','Xúc tiến đầu tư tại Nhật Bản',NULL,NULL,NULL,'["JP"]','["Tokyo","Osaka"]','2026-03-09','2026-03-15',NULL,'["01900000-0000-7000-8000-000000000001"]','planned',NULL);
CREATE TABLE meetings (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  mission_id TEXT, starts_at TEXT, place TEXT, counterpart TEXT, counterpart_country TEXT,
  contact_ids TEXT, participant_ids TEXT, topics TEXT, outcome TEXT, notes TEXT);
INSERT INTO meetings VALUES('01900000-0000-7000-8000-0000000000d1',1767225601000,1767225601000,'01900000-0000-7000-8000-000000000001','5eed5eed5eed5eed',0,'{"contact_ids":"0000019b76daabe8-0002-5eed5eed5eed5eed","counterpart":"0000019b76daabe8-0002-5eed5eed5eed5eed","counterpart_country":"0000019b76daabe8-0002-5eed5eed5eed5eed","mission_id":"0000019b76daabe8-0002-5eed5eed5eed5eed","starts_at":"0000019b76daabe8-0002-5eed5eed5eed5eed","topics":"0000019b76daabe8-0002-5eed5eed5eed5eed"}','{"contact_ids":"0000019b76daabe8-0002-5eed5eed5eed5eed","counterpart":"0000019b76daabe8-0002-5eed5eed5eed5eed","counterpart_country":"0000019b76daabe8-0002-5eed5eed5eed5eed","mission_id":"0000019b76daabe8-0002-5eed5eed5eed5eed","starts_at":"0000019b76daabe8-0002-5eed5eed5eed5eed","topics":"0000019b76daabe8-0002-5eed5eed5eed5eed"}',NULL,'01900000-0000-7000-8000-0000000000b1','2026-03-10T09:30+09:00',NULL,'JETRO','JP','["01900000-0000-7000-8000-0000000000c1"]',NULL,'["Đầu tư vào Vũng Áng"]',NULL,NULL);
CREATE TABLE agreements (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  mission_id TEXT, meeting_id TEXT, title TEXT, kind TEXT, parties TEXT, signed_date TEXT,
  signed_place TEXT, signatories TEXT, fields TEXT, status TEXT, valid_until TEXT,
  committed_value_amount INTEGER, committed_value_currency TEXT, notes TEXT);
CREATE TABLE events (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  mission_id TEXT, name TEXT, kind TEXT, city TEXT, country TEXT, start_date TEXT,
  end_date TEXT, booth TEXT, notes TEXT);
CREATE TABLE contacts (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  full_name TEXT, title TEXT, organisation TEXT, country TEXT, emails TEXT, phones TEXT,
  website TEXT, languages TEXT, interests TEXT, notes TEXT, mission_id TEXT, event_id TEXT,
  meeting_id TEXT, tags TEXT, consent_noted INTEGER);
INSERT INTO contacts VALUES('01900000-0000-7000-8000-0000000000c1',1767225601000,1767225661000,'01900000-0000-7000-8000-000000000001','5eed5eed5eed5eed',0,'{"consent_noted":"0000019b76daabe8-0001-5eed5eed5eed5eed","country":"0000019b76daabe8-0001-5eed5eed5eed5eed","emails":"0000019b76daabe8-0001-5eed5eed5eed5eed","full_name":"0000019b76daabe8-0001-5eed5eed5eed5eed","languages":"0000019b76daabe8-0001-5eed5eed5eed5eed","mission_id":"0000019b76daabe8-0001-5eed5eed5eed5eed","organisation":"0000019b76daabe8-0001-5eed5eed5eed5eed","phones":"0000019b76daabe8-0001-5eed5eed5eed5eed","tags":"0000019b76db9648-0000-5eed5eed5eed5eed","title":"0000019b76db9648-0000-5eed5eed5eed5eed"}','{"consent_noted":"0000019b76daabe8-0001-5eed5eed5eed5eed","country":"0000019b76daabe8-0001-5eed5eed5eed5eed","emails":"0000019b76daabe8-0001-5eed5eed5eed5eed","full_name":"0000019b76daabe8-0001-5eed5eed5eed5eed","languages":"0000019b76daabe8-0001-5eed5eed5eed5eed","mission_id":"0000019b76daabe8-0001-5eed5eed5eed5eed","organisation":"0000019b76daabe8-0001-5eed5eed5eed5eed","phones":"0000019b76daabe8-0001-5eed5eed5eed5eed"}','["tags","title"]','Nguyễn Thị Tiết Hạnh','Phó Giám đốc','Sở Ngoại vụ Đắk Lắk','VN','["hanh@example.vn"]','["+84 262 3852 777"]',NULL,'["vi","en"]',NULL,NULL,'01900000-0000-7000-8000-0000000000b1',NULL,NULL,'["đối tác"]',1);
CREATE TABLE leads (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  mission_id TEXT, company TEXT, country TEXT, sector TEXT, pledged_capital_amount INTEGER,
  pledged_capital_currency TEXT, status TEXT, contact_id TEXT, notes TEXT);
INSERT INTO leads VALUES('01900000-0000-7000-8000-0000000000e1',1767225601000,1767225661000,'01900000-0000-7000-8000-000000000001','5eed5eed5eed5eed',1,'{"company":"0000019b76daabe8-0003-5eed5eed5eed5eed","contact_id":"0000019b76daabe8-0003-5eed5eed5eed5eed","country":"0000019b76daabe8-0003-5eed5eed5eed5eed","deleted":"0000019b76db9648-0002-5eed5eed5eed5eed","mission_id":"0000019b76daabe8-0003-5eed5eed5eed5eed","pledged_capital":"0000019b76daabe8-0003-5eed5eed5eed5eed","status":"0000019b76daabe8-0003-5eed5eed5eed5eed"}','{"company":"0000019b76daabe8-0003-5eed5eed5eed5eed","contact_id":"0000019b76daabe8-0003-5eed5eed5eed5eed","country":"0000019b76daabe8-0003-5eed5eed5eed5eed","mission_id":"0000019b76daabe8-0003-5eed5eed5eed5eed","pledged_capital":"0000019b76daabe8-0003-5eed5eed5eed5eed","status":"0000019b76daabe8-0003-5eed5eed5eed5eed"}','["deleted"]','01900000-0000-7000-8000-0000000000b1','Công ty Thép Đông Á','JP',NULL,1500000000,'USD','interested','01900000-0000-7000-8000-0000000000c1',NULL);
CREATE TABLE followups (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  mission_id TEXT, title TEXT, owner_id TEXT, due_date TEXT, status TEXT, linked_kind TEXT,
  linked_id TEXT, notes TEXT);
INSERT INTO followups VALUES('01900000-0000-7000-8000-0000000000f1',1767225661000,1767225661000,'01900000-0000-7000-8000-000000000001','5eed5eed5eed5eed',0,'{"due_date":"0000019b76db9648-0001-5eed5eed5eed5eed","mission_id":"0000019b76db9648-0001-5eed5eed5eed5eed","owner_id":"0000019b76db9648-0001-5eed5eed5eed5eed","status":"0000019b76db9648-0001-5eed5eed5eed5eed","title":"0000019b76db9648-0001-5eed5eed5eed5eed"}','{}','["mission_id","title","owner_id","due_date","status"]','01900000-0000-7000-8000-0000000000b1','Gửi hồ sơ Khu kinh tế Vũng Áng','01900000-0000-7000-8000-000000000001','2026-04-15','open',NULL,NULL,NULL);
CREATE TABLE attachments (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  mission_id TEXT, record_kind TEXT, record_id TEXT, file_name TEXT, mime_type TEXT,
  size INTEGER, sha256 TEXT);
CREATE TABLE reviews (id TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT, updated_device TEXT, deleted INTEGER NOT NULL DEFAULT 0, _stamps TEXT NOT NULL DEFAULT '{}', _base TEXT NOT NULL DEFAULT '{}', _pending TEXT, 
  mission_id TEXT, reviewer_id TEXT, decision TEXT, comment TEXT);
CREATE INDEX missions_start ON missions(start_date);
CREATE INDEX meetings_mission ON meetings(mission_id);
CREATE INDEX agreements_mission ON agreements(mission_id);
CREATE INDEX events_mission ON events(mission_id);
CREATE INDEX contacts_mission ON contacts(mission_id);
CREATE INDEX contacts_name ON contacts(full_name);
CREATE INDEX leads_mission ON leads(mission_id);
CREATE INDEX followups_mission ON followups(mission_id);
CREATE INDEX attachments_mission ON attachments(mission_id);
CREATE INDEX reviews_mission ON reviews(mission_id);
CREATE INDEX organisations_pending ON organisations(id) WHERE _pending IS NOT NULL;
CREATE INDEX users_pending ON users(id) WHERE _pending IS NOT NULL;
CREATE INDEX missions_pending ON missions(id) WHERE _pending IS NOT NULL;
CREATE INDEX meetings_pending ON meetings(id) WHERE _pending IS NOT NULL;
CREATE INDEX agreements_pending ON agreements(id) WHERE _pending IS NOT NULL;
CREATE INDEX events_pending ON events(id) WHERE _pending IS NOT NULL;
CREATE INDEX contacts_pending ON contacts(id) WHERE _pending IS NOT NULL;
CREATE INDEX leads_pending ON leads(id) WHERE _pending IS NOT NULL;
CREATE INDEX followups_pending ON followups(id) WHERE _pending IS NOT NULL;
CREATE INDEX attachments_pending ON attachments(id) WHERE _pending IS NOT NULL;
CREATE INDEX reviews_pending ON reviews(id) WHERE _pending IS NOT NULL;
COMMIT;
