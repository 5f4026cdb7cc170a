namespace Crm.Sdk.Samples.GenericHost;

/// <summary>Which store the host runs on, in words, for the output.</summary>
/// <param name="Text">The description.</param>
internal sealed record StorageDescription(string Text);
