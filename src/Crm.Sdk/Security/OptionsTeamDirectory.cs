using Microsoft.Extensions.Options;

namespace Crm.Sdk.Security;

/// <summary>The default <see cref="ICrmTeamDirectory"/>: <see cref="AccessControlOptions.Teams"/>.</summary>
internal sealed class OptionsTeamDirectory(IOptions<AccessControlOptions> options) : ICrmTeamDirectory
{
    public ValueTask<IReadOnlyCollection<string>> GetMembersAsync(string teamId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyCollection<string>>(options.Value.Teams.TryGetValue(teamId, out var members) ? [.. members] : []);
}
