param prefix string

resource fortinet 'Microsoft.Resources/deployments@2025-04-01' = {
  name: '${prefix}-fortinetdeployment-${uniqueString(resourceGroup().id)}'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}
