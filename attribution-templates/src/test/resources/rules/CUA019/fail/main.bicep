module gateway 'modules/gateway.bicep' = {
  name: 'pid-app-gateway-start-deployment'
}
