-- Accounts of the sign-in form: Spring Security's JdbcUserDetailsManager schema (users, authorities), for MariaDB
-- and MySQL 8. Usernames compare without regard to case (the standard schema's varchar_ignorecase), so "Alice"
-- cannot be registered next to "alice"; the name as stored becomes the token's sub.
CREATE TABLE users (
    username VARCHAR(64) COLLATE utf8mb4_unicode_ci NOT NULL,
    -- A DelegatingPasswordEncoder hash with its {id} prefix, such as {bcrypt}$2a$10$...
    password VARCHAR(500) NOT NULL,
    enabled BOOLEAN NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE authorities (
    username VARCHAR(64) COLLATE utf8mb4_unicode_ci NOT NULL,
    authority VARCHAR(50) NOT NULL,
    CONSTRAINT fk_authorities_users FOREIGN KEY (username) REFERENCES users (username),
    CONSTRAINT ix_auth_username UNIQUE (username, authority)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
