// Short names for the typed ids, as in the SDK's own code (compile-time only; not in the public API).
global using CustomerId = Crm.Sdk.Id<Crm.Sdk.Customers.Customer>;
