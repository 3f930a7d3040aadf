var pidGuid = loadTextContent('config/pid.txt')

resource t 'Microsoft.Resources/deployments@2025-04-01' = {
  name: 'pid-${pidGuid}'
  properties: {
    mode: 'Incremental'
    template: {
      resources: []
    }
  }
}
