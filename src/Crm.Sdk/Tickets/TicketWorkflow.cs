using System.Collections.Frozen;

namespace Crm.Sdk.Tickets;

/// <summary>
/// The ticket status workflow: which status may follow which. Moving to the same status is never a move: <see cref="CanMove"/> says no, and <see cref="Ticket.ChangeStatus(TicketStatus)"/> changes nothing.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>from</term><description>to</description></listheader>
/// <item><term><see cref="TicketStatus.New"/></term><description><see cref="TicketStatus.Open"/>, <see cref="TicketStatus.Pending"/>, <see cref="TicketStatus.Resolved"/>, <see cref="TicketStatus.Closed"/> (discarding spam or a duplicate without resolving it)</description></item>
/// <item><term><see cref="TicketStatus.Open"/></term><description><see cref="TicketStatus.Pending"/>, <see cref="TicketStatus.Resolved"/></description></item>
/// <item><term><see cref="TicketStatus.Pending"/></term><description><see cref="TicketStatus.Open"/>, <see cref="TicketStatus.Resolved"/></description></item>
/// <item><term><see cref="TicketStatus.Resolved"/></term><description><see cref="TicketStatus.Closed"/>, <see cref="TicketStatus.Reopened"/></description></item>
/// <item><term><see cref="TicketStatus.Closed"/></term><description><see cref="TicketStatus.Reopened"/></description></item>
/// <item><term><see cref="TicketStatus.Reopened"/></term><description><see cref="TicketStatus.Open"/>, <see cref="TicketStatus.Pending"/>, <see cref="TicketStatus.Resolved"/></description></item>
/// </list>
/// A ticket in work (open, pending, reopened) must be resolved before it is closed.
/// </remarks>
public static class TicketWorkflow
{
    private static readonly FrozenDictionary<TicketStatus, FrozenSet<TicketStatus>> Transitions = new Dictionary<TicketStatus, FrozenSet<TicketStatus>>
    {
        [TicketStatus.New] = FrozenSet.ToFrozenSet([TicketStatus.Open, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed]),
        [TicketStatus.Open] = FrozenSet.ToFrozenSet([TicketStatus.Pending, TicketStatus.Resolved]),
        [TicketStatus.Pending] = FrozenSet.ToFrozenSet([TicketStatus.Open, TicketStatus.Resolved]),
        [TicketStatus.Resolved] = FrozenSet.ToFrozenSet([TicketStatus.Closed, TicketStatus.Reopened]),
        [TicketStatus.Closed] = FrozenSet.ToFrozenSet([TicketStatus.Reopened]),
        [TicketStatus.Reopened] = FrozenSet.ToFrozenSet([TicketStatus.Open, TicketStatus.Pending, TicketStatus.Resolved]),
    }.ToFrozenDictionary();

    /// <summary>Whether a ticket may move from one status to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The wanted status.</param>
    /// <returns><see langword="true"/> when the workflow allows the move.</returns>
    public static bool CanMove(TicketStatus from, TicketStatus to) =>
        Transitions.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>The statuses a ticket may move to from a status (for example, the buttons a UI shows).</summary>
    /// <param name="from">The current status.</param>
    /// <returns>The reachable statuses; empty for an unknown status.</returns>
    public static IReadOnlySet<TicketStatus> NextStatuses(TicketStatus from) =>
        Transitions.TryGetValue(from, out var next) ? next : FrozenSet<TicketStatus>.Empty;

    /// <summary>Whether a ticket in a status still needs work: every status except resolved and closed.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when open.</returns>
    public static bool IsOpen(TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);
}
