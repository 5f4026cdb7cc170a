namespace Crm.Sdk.Interactions;

/// <summary>
/// The content of a <see cref="InteractionKind.BehaviourEvent"/>: an event name (required, at most
/// <see cref="MaxNameLength"/> characters, for example <c>page-view</c>) and up to <see cref="MaxProperties"/>
/// text properties (keys non-blank and at most <see cref="MaxPropertyKeyLength"/> characters, values at most
/// <see cref="MaxPropertyValueLength"/> characters).
/// </summary>
/// <param name="Name">The event name.</param>
/// <param name="Properties">The event's properties, for example <c>url</c> or <c>campaign</c>; <see langword="null"/> for none.</param>
public sealed record BehaviourEventDetail(string Name, IReadOnlyDictionary<string, string>? Properties = null)
{
    /// <summary>The longest event name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The most properties accepted.</summary>
    public const int MaxProperties = 50;

    /// <summary>The longest property key accepted.</summary>
    public const int MaxPropertyKeyLength = 100;

    /// <summary>The longest property value accepted.</summary>
    public const int MaxPropertyValueLength = 1_000;
}
