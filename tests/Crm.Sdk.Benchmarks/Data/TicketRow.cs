using Crm.Sdk.Tickets;

namespace Crm.Sdk.Benchmarks.Data;

/// <summary>One generated ticket.</summary>
internal sealed record TicketRow(int CustomerIndex, TicketType Type, TicketPriority Priority, string Subject, string Description);
