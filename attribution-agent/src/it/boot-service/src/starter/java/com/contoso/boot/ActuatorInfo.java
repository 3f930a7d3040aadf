package com.contoso.boot;

import java.util.Map;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** In the starter's build only: prints what Actuator's info endpoint would show, after the service's own run. */
@Configuration(proxyBeanMethods = false)
public class ActuatorInfo {
    @Bean
    @Order(Integer.MAX_VALUE)
    CommandLineRunner printInfo(Map<String, InfoContributor> contributors) {
        return args -> {
            Info.Builder info = new Info.Builder();
            contributors.values().forEach(c -> c.contribute(info));
            System.out.println("actuator info: " + info.build().getDetails());
        };
    }
}
