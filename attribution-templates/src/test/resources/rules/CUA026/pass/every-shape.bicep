// Every declaration and expression shape the front end reads; bicep build compiles it.
metadata description = 'A solution'
targetScope = 'resourceGroup'

import { tags as sharedTags } from 'shared.bicep'
import * as common from 'common.bicep'
extension microsoftGraphV1

@description('''
Where it goes.
''')
@allowed([
  'westeurope'
  'northeurope'
])
param location string = 'westeurope'
param names string[] = ['a', 'b']
param settings { name: string, size: int?, *: string } = { name: 'x' }
param sku 'Standard_LRS' | 'Premium_LRS' = 'Standard_LRS'
@secure()
param secret string?

type pair = {
  @description('left')
  left: string
  right: int
}

func prefixed(name string) string => 'app-${name}'

var escaped = 'it\'s \\ \n \t \$ \u{1F600}'
var total = length(names) * 2 + 1 - (3 % 2)
var picked = !empty(names) && total >= 2 || false ? names[0] : 'none'
var safe = settings.?size ?? 1
var item = settings[?'name']
var mapped = map(names, n => toUpper(n))
var joined = reduce(names, '', (acc, n) => '${acc}${n}')
var spread = {
  ...settings
  extra: true
}
var multiline = '''
line ${not} interpolated
'''
var nested = {
  inner: {
    list: [
      1
      -2
      { deep: 'yes' }
    ]
  }
}

resource store 'Microsoft.Storage/storageAccounts@2023-01-01' = [for (name, i) in names: if (i < 2) {
  name: '${name}${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: sku
  }
  kind: 'StorageV2'
}]

resource existingVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'vault'

  resource secretRef 'secrets' existing = {
    name: 'secret'
  }
}

resource web 'Microsoft.Web/sites@2023-01-01' = {
  name: prefixed('web')
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'VAULT', value: existingVault::secretRef.properties.secretUri }
      ]
    }
  }
}

module pidModule 'modules/pid.bicep' = if (!empty(location)) {
  name: 'pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'
  params: {
    location: location
  }
}

output webName string = web.name
output first string = names[0]!
