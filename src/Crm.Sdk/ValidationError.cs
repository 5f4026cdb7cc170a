namespace Crm.Sdk;

/// <summary>One broken validation rule: which field, which rule, and a readable message.</summary>
/// <param name="Field">The path of the field that failed, for example <c>Emails[1]</c> or <c>Amount</c>.</param>
/// <param name="Rule">A stable, machine-readable rule name, for example <c>required</c> or <c>email-format</c>.</param>
/// <param name="Message">A readable explanation.</param>
public sealed record ValidationError(string Field, string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message} ({Rule})";
}
