namespace Crm.Sdk.Security;

/// <summary>
/// Who is acting: a user with the teams and roles the host gives it, or the <see cref="System"/> actor of background work.
/// The host supplies it through its <see cref="ICrmActorAccessor"/>, per request or per job.
/// </summary>
public sealed record CrmActor
{
    /// <summary>Creates a user actor.</summary>
    /// <param name="userId">The user's id, as stored in owner and assignee fields.</param>
    /// <param name="teamIds">The teams the user belongs to.</param>
    /// <param name="roles">The names of the user's roles (<see cref="AccessControlOptions.Roles"/>).</param>
    /// <exception cref="ArgumentException">The user id is blank, or a team id or role name is blank.</exception>
    public CrmActor(string userId, IEnumerable<string>? teamIds = null, IEnumerable<string>? roles = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        TeamIds = ToSet(teamIds, nameof(teamIds));
        Roles = ToSet(roles, nameof(roles));
    }

    private CrmActor()
    {
        UserId = SystemUserId;
        TeamIds = new HashSet<string>(StringComparer.Ordinal);
        Roles = new HashSet<string>(StringComparer.Ordinal);
        IsSystem = true;
    }

    /// <summary>The user id the system actor is recorded under: <c>system</c>.</summary>
    public const string SystemUserId = "system";

    /// <summary>The actor of background work started by the host itself (imports, jobs, maintenance): allowed everything, and audited as <c>system</c>.</summary>
    public static CrmActor System { get; } = new();

    /// <summary>The user's id.</summary>
    public string UserId { get; }

    /// <summary>The teams the user belongs to.</summary>
    public IReadOnlySet<string> TeamIds { get; }

    /// <summary>The names of the user's roles.</summary>
    public IReadOnlySet<string> Roles { get; }

    /// <summary>Whether this is the <see cref="System"/> actor.</summary>
    public bool IsSystem { get; }

    /// <inheritdoc />
    public override string ToString() => IsSystem ? "the system actor" : $"user '{UserId}'";

    private static HashSet<string> ToSet(IEnumerable<string>? values, string name)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("An actor's team ids and role names must not be blank.", name);
            }

            set.Add(value);
        }

        return set;
    }
}
