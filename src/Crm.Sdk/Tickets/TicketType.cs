namespace Crm.Sdk.Tickets;

/// <summary>What a customer asks for in a ticket.</summary>
public enum TicketType
{
    /// <summary>A question.</summary>
    Inquiry,

    /// <summary>A complaint.</summary>
    Complaint,

    /// <summary>After-sales service: a return, a repair, a warranty claim.</summary>
    AfterSales,

    /// <summary>A technical problem.</summary>
    Technical,
}
