-- Spring Authorization Server's oauth2_authorization table (oauth2-authorization-schema.sql of SAS 1.5) for
-- MariaDB and MySQL 8, used by JdbcOAuth2AuthorizationService: codes, access, refresh and ID tokens outlive a
-- restart of the provider, and so do revocations. Changes from the original:
--  - BLOB columns are TEXT (attributes LONGTEXT): the service writes a BLOB column as bytes only when the driver
--    reports it as BLOB, and MariaDB's driver reports LONGVARBINARY, for which the service binds a String that the
--    driver refuses ("Could not convert ... to -4"). As text it is bound and read as a String;
--  - utf8mb4_bin: tokens are looked up by value (WHERE refresh_token_value = ?), and must match exactly, whatever
--    the server's default collation;
--  - timestamps are TIMESTAMP(6) NULL DEFAULT NULL: without NULL, MariaDB (explicit_defaults_for_timestamp off)
--    gives the first TIMESTAMP column NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE; (6) keeps microseconds.
-- oauth2_authorization_consent is not needed: the one client asks for no consent.
CREATE TABLE oauth2_authorization (
    id VARCHAR(100) NOT NULL,
    registered_client_id VARCHAR(100) NOT NULL,
    principal_name VARCHAR(200) NOT NULL,
    authorization_grant_type VARCHAR(100) NOT NULL,
    authorized_scopes VARCHAR(1000) DEFAULT NULL,
    attributes LONGTEXT DEFAULT NULL,
    state VARCHAR(500) DEFAULT NULL,
    authorization_code_value TEXT DEFAULT NULL,
    authorization_code_issued_at TIMESTAMP(6) NULL DEFAULT NULL,
    authorization_code_expires_at TIMESTAMP(6) NULL DEFAULT NULL,
    authorization_code_metadata TEXT DEFAULT NULL,
    access_token_value TEXT DEFAULT NULL,
    access_token_issued_at TIMESTAMP(6) NULL DEFAULT NULL,
    access_token_expires_at TIMESTAMP(6) NULL DEFAULT NULL,
    access_token_metadata TEXT DEFAULT NULL,
    access_token_type VARCHAR(100) DEFAULT NULL,
    access_token_scopes VARCHAR(1000) DEFAULT NULL,
    oidc_id_token_value TEXT DEFAULT NULL,
    oidc_id_token_issued_at TIMESTAMP(6) NULL DEFAULT NULL,
    oidc_id_token_expires_at TIMESTAMP(6) NULL DEFAULT NULL,
    oidc_id_token_metadata TEXT DEFAULT NULL,
    refresh_token_value TEXT DEFAULT NULL,
    refresh_token_issued_at TIMESTAMP(6) NULL DEFAULT NULL,
    refresh_token_expires_at TIMESTAMP(6) NULL DEFAULT NULL,
    refresh_token_metadata TEXT DEFAULT NULL,
    user_code_value TEXT DEFAULT NULL,
    user_code_issued_at TIMESTAMP(6) NULL DEFAULT NULL,
    user_code_expires_at TIMESTAMP(6) NULL DEFAULT NULL,
    user_code_metadata TEXT DEFAULT NULL,
    device_code_value TEXT DEFAULT NULL,
    device_code_issued_at TIMESTAMP(6) NULL DEFAULT NULL,
    device_code_expires_at TIMESTAMP(6) NULL DEFAULT NULL,
    device_code_metadata TEXT DEFAULT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
