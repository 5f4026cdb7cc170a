namespace Crm.Sdk.Customers;

/// <summary>One of a customer's phone numbers.</summary>
/// <param name="Number">The number.</param>
/// <param name="Label">A label such as <c>mobile</c>, or <see langword="null"/>.</param>
public sealed record CustomerPhone(PhoneNumber Number, string? Label);
