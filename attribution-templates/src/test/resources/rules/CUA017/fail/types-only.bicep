// shared types and functions, imported by the solution's templates
@export()
type sku = 'Standard_LRS' | 'Premium_LRS'

@export()
func storageName(prefix string) string => '${prefix}${uniqueString(resourceGroup().id)}'
