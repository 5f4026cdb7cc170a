namespace Crm.Sdk.Tickets;

/// <summary>
/// Where a ticket is in its workflow. The allowed moves are listed on <see cref="TicketWorkflow"/>;
/// a ticket is open (needs work) in every status except <see cref="Resolved"/> and <see cref="Closed"/>.
/// </summary>
public enum TicketStatus
{
    /// <summary>Just created; nobody has worked on it yet.</summary>
    New,

    /// <summary>Being worked on.</summary>
    Open,

    /// <summary>Waiting on the customer or a third party.</summary>
    Pending,

    /// <summary>A solution was given; the customer may still rate it, or it may be reopened.</summary>
    Resolved,

    /// <summary>Finished. Only reopening (and a first rating) is possible.</summary>
    Closed,

    /// <summary>Resolved or closed once, then opened again.</summary>
    Reopened,
}
