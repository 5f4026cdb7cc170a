namespace Crm.Sdk.Customers;

/// <summary>An email address or phone number as entered, with an optional label; a plain string converts to it.</summary>
public sealed record ContactDraft
{
    /// <summary>The address or number as typed.</summary>
    public required string Value { get; init; }

    /// <summary>A label such as <c>work</c> or <c>mobile</c>, or <see langword="null"/>.</summary>
    public string? Label { get; init; }

    /// <summary>A contact without a label.</summary>
    /// <param name="value">The address or number as typed.</param>
    public static implicit operator ContactDraft(string value) => FromString(value);

    /// <summary>A contact without a label.</summary>
    /// <param name="value">The address or number as typed.</param>
    /// <returns>The draft.</returns>
    public static ContactDraft FromString(string value) => new() { Value = value };
}
