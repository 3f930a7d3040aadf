param cuaId string = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'

var deploymentName = take('pid-${cuaId}-${uniqueString(resourceGroup().id)}', 64)

module telemetry 'modules/_empty.bicep' = {
  name: deploymentName
}
