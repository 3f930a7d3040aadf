var modules = loadJsonContent('config/telemetry.json', '$.customerUsageAttribution.modules')

resource t 'Microsoft.Resources/deployments@2025-04-01' = {
  name: 'pid-${modules.network}'
  properties: {
    mode: 'Incremental'
    template: {
      resources: []
    }
  }
}
