param location string = resourceGroup().location

module startPid './modules/_pids/_empty.bicep' = {
  name: '628cae16-c133-5a2e-ae93-2b44748012fe'
}

resource startPid2 'Microsoft.Resources/deployments@2025-04-01' = {
  name: '628cae16-c133-5a2e-ae93-2b44748012fe-${location}-x'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}
