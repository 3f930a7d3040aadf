param optOut bool = false

resource t 'Microsoft.Resources/deployments@2025-04-01' = if (!optOut) {
  name: 'pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'
  properties: {
    mode: 'Incremental'
    template: {
      resources: []
    }
  }
}
