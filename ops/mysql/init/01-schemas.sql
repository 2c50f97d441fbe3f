-- Runs once, when the MySQL container starts on an empty data directory.
-- One schema per service and one user per schema with rights on that schema only, so no
-- service can read or write another's tables (same layout as local-infra's
-- MariaDbServer#createDatabase). The passwords equal the services' local defaults and the
-- values docker-compose.yml passes; change both together for anything but a trial run.
-- Tables are created by each service's Flyway migrations, not here.

CREATE DATABASE IF NOT EXISTS `chat_command` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'chat_command'@'%' IDENTIFIED BY 'chat_command';
GRANT ALL PRIVILEGES ON `chat_command`.* TO 'chat_command'@'%';

CREATE DATABASE IF NOT EXISTS `chat_query` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'chat_query'@'%' IDENTIFIED BY 'chat_query';
GRANT ALL PRIVILEGES ON `chat_query`.* TO 'chat_query'@'%';

FLUSH PRIVILEGES;
