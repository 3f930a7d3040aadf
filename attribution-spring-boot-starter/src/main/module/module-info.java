/**
 * Partner attribution for Spring Boot: every Azure client of the application, configured from {@code application.yml},
 * with Actuator's info and health when Actuator is present. Open, as Spring reads its configuration classes
 * reflectively.
 */
open module io.github.partnerattribution.spring {
    requires transitive io.github.partnerattribution.azurecore;
    requires io.github.partnerattribution.operations;
    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.core;
    // Actuator's endpoints: Boot 3's actuator, or Boot 4's health module; only when the application has them.
    requires static spring.boot.actuator;
    requires static spring.boot.health;

    exports io.github.partnerattribution.spring;
}
