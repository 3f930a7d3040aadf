param enableDefaultTelemetry bool = true
param parTelemetryOptOut bool = false

resource defaultTelemetry 'Microsoft.Resources/deployments@2025-04-01' = if (enableDefaultTelemetry) {
  name: 'pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d-${uniqueString(deployment().name)}'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}

resource optOut 'Microsoft.Resources/deployments@2025-04-01' = if (!parTelemetryOptOut) {
  name: 'pid-0e1f2a3b-4c5d-4a7b-8c9d-1b2c3d4e5f60'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}
