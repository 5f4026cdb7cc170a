using System.Text.Json.Serialization;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;

namespace Crm.Sdk.Benchmarks.Ways.Raw;

/// <summary>Source-generated System.Text.Json metadata for the raw way's bodies.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawDocuments.Interaction))]
[JsonSerializable(typeof(RawDocuments.Customer))]
[JsonSerializable(typeof(RawDocuments.Ticket))]
[JsonSerializable(typeof(RawDocuments.Pipeline))]
[JsonSerializable(typeof(RawDocuments.Deal))]
internal sealed partial class RawJson : JsonSerializerContext;
