resource t 'Microsoft.Resources/deployments@2025-04-01' = {
  name: 'pid-eb7927c8-dd66-43e1-b0cf-c346a422063'
  properties: {
    mode: 'Incremental'
    template: {
      resources: []
    }
  }
}
