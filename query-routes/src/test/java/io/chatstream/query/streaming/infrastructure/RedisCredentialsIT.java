package io.chatstream.query.streaming.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.localinfra.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis clients of the query and worker services (Spring Boot's auto-configured Lettuce connection factory and
 * its StringRedisTemplate, plus the factory's native client that {@link RedisAnswerStreams} connects with) against
 * a real Redis that requires a password: spring.data.redis.password gets them in, without it they are refused.
 */
@DisplayName("Spring Data Redis credentials, against a real Redis with requirepass")
class RedisCredentialsIT {

    private static final String PASSWORD = "redis-" + UUID.randomUUID();
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startWithPassword(0, Path.of("target", "it-redis-auth-" + System.nanoTime()), PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                        "spring.data.redis.timeout=2s")
                .withPropertyValues(properties);
    }

    @Test
    @DisplayName("spring.data.redis.password (alone or with username 'default'): the template and the native client work")
    void passwordConnects() {
        for (String[] credentials : new String[][] {{"spring.data.redis.password=" + PASSWORD},
                {"spring.data.redis.username=default", "spring.data.redis.password=" + PASSWORD},
                // The shipped empty username means the default user.
                {"spring.data.redis.username=", "spring.data.redis.password=" + PASSWORD}}) {
            runner(credentials).run(context -> {
                StringRedisTemplate template = context.getBean(StringRedisTemplate.class);
                template.opsForValue().set("creds-it", "ok");
                assertThat(template.opsForValue().get("creds-it")).isEqualTo("ok");
                RedisClient client = (RedisClient) context.getBean(LettuceConnectionFactory.class).getRequiredNativeClient();
                try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
                    assertThat(connection.sync().get("creds-it")).isEqualTo("ok");
                }
            });
        }
    }

    @Test
    @DisplayName("no password (unset or the shipped empty one: no AUTH sent) or a wrong one: refused")
    void refusedWithoutThePassword() {
        runner().run(context -> assertThatThrownBy(() -> context.getBean(StringRedisTemplate.class)
                .opsForValue().get("creds-it")).hasStackTraceContaining("NOAUTH"));
        runner("spring.data.redis.username=", "spring.data.redis.password=").run(context -> assertThatThrownBy(
                () -> context.getBean(StringRedisTemplate.class).opsForValue().get("creds-it"))
                .hasStackTraceContaining("NOAUTH"));
        runner("spring.data.redis.password=" + PASSWORD + "x").run(context -> assertThatThrownBy(() -> context
                .getBean(StringRedisTemplate.class).opsForValue().get("creds-it")).hasStackTraceContaining("WRONGPASS"));
    }
}
