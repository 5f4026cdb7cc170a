namespace Crm.Sdk.Encryption;

/// <summary>What <c>AddFieldEncryption</c> registered: the encrypted fields and where root keys come from.</summary>
/// <param name="EncryptedFields">The encrypted fields, <c>collection.field</c>.</param>
/// <param name="RootKeys">The root key provider.</param>
internal sealed record FieldEncryptionSetup(ISet<string> EncryptedFields, IRootKeyProvider RootKeys);
