resource partnerAttribution 'Microsoft.Resources/deployments@2025-04-01' = {
  name: 'pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}
