namespace Crm.Sdk.Interactions;

/// <summary>
/// Someone who took part in an interaction: at least a name or an address. The limits are
/// <see cref="MaxNameLength"/>, <see cref="MaxAddressLength"/> and <see cref="MaxRoleLength"/> characters.
/// </summary>
/// <param name="Name">The display name, for example <c>Ada Lovelace</c>.</param>
/// <param name="Address">An email address, phone number or handle.</param>
/// <param name="Role">The part they played, for example <c>from</c>, <c>to</c>, <c>cc</c>, <c>agent</c>.</param>
public sealed record Participant(string? Name, string? Address = null, string? Role = null)
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest address accepted.</summary>
    public const int MaxAddressLength = 320;

    /// <summary>The longest role accepted.</summary>
    public const int MaxRoleLength = 100;
}
