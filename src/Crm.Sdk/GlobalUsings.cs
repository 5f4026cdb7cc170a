// Short names for the typed ids inside the SDK's own code. Hosts write Id<Customer>, Id<Deal>, …: these aliases are
// compile-time only and appear nowhere in the public API.
global using CustomerId = Crm.Sdk.Id<Crm.Sdk.Customers.Customer>;
global using DealId = Crm.Sdk.Id<Crm.Sdk.Deals.Deal>;
global using InteractionId = Crm.Sdk.Id<Crm.Sdk.Interactions.Interaction>;
global using PipelineId = Crm.Sdk.Id<Crm.Sdk.Pipelines.Pipeline>;
global using StageId = Crm.Sdk.Id<Crm.Sdk.Pipelines.PipelineStage>;
global using TicketId = Crm.Sdk.Id<Crm.Sdk.Tickets.Ticket>;
