package io.chatstream.gateway.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubjectMappingTest {

    @Test
    @DisplayName("a subject that is a well-formed user id stays as it is")
    void plain() {
        assertThat(SubjectMapping.userOf("alice")).contains(new UserId("alice"));
        assertThat(SubjectMapping.userOf("alice@example.com")).contains(new UserId("alice@example.com"));
    }

    @Test
    @DisplayName("any other subject becomes sub- and its SHA-256: stable, distinct, and a valid user id")
    void hashed() {
        String url = "https://id.example/users/{8f1c-4d}";
        assertThat(SubjectMapping.userOf(url)).hasValueSatisfying(u -> assertThat(u.value()).startsWith("sub-").hasSize(47));
        assertThat(SubjectMapping.userOf(url)).isEqualTo(SubjectMapping.userOf(url));
        assertThat(SubjectMapping.userOf(url)).isNotEqualTo(SubjectMapping.userOf(url + "x"));
        assertThat(SubjectMapping.userOf("x".repeat(65))).hasValueSatisfying(u -> assertThat(u.value()).startsWith("sub-"));
        assertThat(SubjectMapping.userOf("alice+chat@example.com")).hasValueSatisfying(u -> assertThat(u.value()).startsWith("sub-"));
    }

    @Test
    @DisplayName("a plain subject cannot pose as another subject's hashed id")
    void noSpoofing() {
        String hashedId = SubjectMapping.userOf("https://id.example/u/1").orElseThrow().value();
        assertThat(SubjectMapping.userOf(hashedId)).hasValueSatisfying(u -> assertThat(u.value()).isNotEqualTo(hashedId));
    }

    @Test
    @DisplayName("no subject, no user")
    void missing() {
        assertThat(SubjectMapping.userOf(null)).isEmpty();
        assertThat(SubjectMapping.userOf(" ")).isEmpty();
    }
}
