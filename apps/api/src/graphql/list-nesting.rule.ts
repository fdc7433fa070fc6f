import {
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLNamedType,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';

/**
 * Lists multiply: depth and cost limits cannot see that `cohort { sessions { cohort { sessions …` asks
 * for 52 × 52 × 52 objects. This rule refuses, before execution, any path that nests more than
 * `maxNesting` list fields, or that comes back to a list field it already went through (cycles add
 * nothing a client needs). Fragments are followed.
 */
export function listNestingRule(maxNesting: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();

    const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType, lists: string[], inFragments: string[]): GraphQLError | null => {
      if (!isObjectType(type) && !isInterfaceType(type)) return null;
      for (const selection of selectionSet.selections) {
        let problem: GraphQLError | null = null;
        if (selection.kind === Kind.FIELD) {
          const field = type.getFields()[selection.name.value];
          if (!field || !selection.selectionSet) continue;
          const coordinate = `${type.name}.${field.name}`;
          const isList = isListType(getNullableType(field.type));
          if (isList && lists.includes(coordinate)) {
            problem = new GraphQLError(`This query goes through ${coordinate} twice on one path; ask for it once.`, { nodes: [selection] });
          } else if (isList && lists.length + 1 > maxNesting) {
            problem = new GraphQLError(`Lists may be nested at most ${maxNesting} deep; ${coordinate} would be list number ${lists.length + 1}.`, {
              nodes: [selection],
            });
          } else {
            problem = walk(selection.selectionSet, getNamedType(field.type), isList ? [...lists, coordinate] : lists, inFragments);
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
          if (on) problem = walk(selection.selectionSet, on, lists, inFragments);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || inFragments.includes(name)) continue; // cycles are reported by NoFragmentCycles
          const on = schema.getType(fragment.typeCondition.name.value);
          if (on) problem = walk(fragment.selectionSet, on, lists, [...inFragments, name]);
        }
        if (problem) return problem;
      }
      return null;
    };

    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const problem = walk(operation.selectionSet, root, [], []);
        if (problem) context.reportError(problem);
      },
    };
  };
}
