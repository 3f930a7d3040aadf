param telemetry bool = true

resource t 'Microsoft.Resources/deployments@2025-04-01' = {
  name: telemetry ? 'pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d' : 'pid-0000'
  properties: {
    mode: 'Incremental'
    template: {
      resources: []
    }
  }
}
