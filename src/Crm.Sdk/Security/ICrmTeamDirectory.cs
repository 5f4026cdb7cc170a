namespace Crm.Sdk.Security;

/// <summary>Tells who belongs to a team, for the <see cref="AccessLevel.Team"/> level. Register one to read the host's own directory; the default reads <see cref="AccessControlOptions.Teams"/>.</summary>
public interface ICrmTeamDirectory
{
    /// <summary>Gets the user ids of a team's members.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members; empty for an unknown team.</returns>
    ValueTask<IReadOnlyCollection<string>> GetMembersAsync(string teamId, CancellationToken cancellationToken = default);
}
