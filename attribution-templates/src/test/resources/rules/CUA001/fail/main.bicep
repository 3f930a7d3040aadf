resource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'store'
  location: 'westeurope'
}
