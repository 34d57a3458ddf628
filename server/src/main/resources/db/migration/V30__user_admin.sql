-- User administration: when each user last signed in (shown to admins; NULL = never).
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;
