namespace DxIndicators.Storage;

/// <summary>One step of a store's schema: the statements that take it from <c>Version − 1</c> to <c>Version</c>.</summary>
/// <param name="Version">The version reached.</param>
/// <param name="Description">What the step adds.</param>
/// <param name="Statements">The SQL statements, run in order inside the migration's transaction.</param>
public sealed record SchemaMigration(int Version, string Description, IReadOnlyList<string> Statements);
