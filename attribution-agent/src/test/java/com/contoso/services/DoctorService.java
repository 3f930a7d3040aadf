package com.contoso.services;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.operations.AttributionDoctor;
import java.net.URL;

/**
 * A service that carries the library and its doctor: an ARM client (the library's zero-code mode attributes it) and a
 * pipeline of its own (only the agent attributes it), then the doctor's text. Argument: the ARM endpoint.
 */
public final class DoctorService {
    private DoctorService() {
    }

    public static void main(String[] args) throws Exception {
        AzureResourceManager arm = AzureResourceManager.authenticate(Arm.credential(), Arm.profile(args[0]))
                .withDefaultSubscription();
        arm.resourceGroups().list().stream().count();
        new HttpPipelineBuilder().httpClient(new PipelineService.JdkClient())
                .policies(new UserAgentPolicy("contoso-service")).build()
                .send(new HttpRequest(HttpMethod.GET, new URL(args[0] + "/subscriptions?api-version=2022-12-01")))
                .block();
        System.out.print(AttributionDoctor.examine().text());
    }
}
