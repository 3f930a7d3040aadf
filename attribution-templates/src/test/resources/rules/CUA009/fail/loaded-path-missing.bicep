var telemetry = loadJsonContent('config/telemetry.json')

resource t 'Microsoft.Resources/deployments@2025-04-01' = {
  name: 'pid-${telemetry.customerUsageAttribution.modules.storage}'
  properties: {
    mode: 'Incremental'
    template: {
      resources: []
    }
  }
}
