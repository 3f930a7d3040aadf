resource partnerAttribution 'Microsoft.Resources/deployments@2025-04-01' = {
  name: 'pid-3d4e5f60-7182-4c9d-8e0f-2a3b4c5d6e7f'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}
