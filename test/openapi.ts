/**
 * What the OpenAPI description (`/api/docs/json`) leaves out for a module's routes: operations without a summary,
 * and parameters and fields of inputs and replies without a description (MODULE-DONE: "every field described").
 */
type Schema = {
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  additionalProperties?: Schema | boolean;
};
type Operation = {
  summary?: string;
  parameters?: { name: string; description?: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

export function undocumented(
  doc: OpenApiDoc,
  isModuleRoute: (route: string) => boolean,
): { routes: number; unsummarised: string[]; undescribed: string[] } {
  const unsummarised: string[] = [];
  const undescribed: string[] = [];
  const walk = (schema: Schema | undefined, where: string) => {
    if (!schema) return;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const described =
        property.description ?? property.anyOf?.find((option) => option.description)?.description;
      if (!described) undescribed.push(`${where}.${name}`);
      walk(property, `${where}.${name}`);
      for (const option of property.anyOf ?? []) walk(option, `${where}.${name}`);
    }
    walk(schema.items, `${where}[]`);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${where}{}`);
  };
  const routes = Object.entries(doc.paths).filter(([route]) => isModuleRoute(route));
  for (const [route, operations] of routes) {
    for (const [method, operation] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${route}`;
      if (!operation.summary) unsummarised.push(where);
      for (const parameter of operation.parameters ?? [])
        if (!(parameter.description ?? parameter.schema?.description))
          undescribed.push(`${where} ${parameter.name}`);
      walk(operation.requestBody?.content['application/json']?.schema, `${where} body`);
      for (const [status, answer] of Object.entries(operation.responses))
        walk(answer.content?.['application/json']?.schema, `${where} ${status}`);
    }
  }
  return { routes: routes.length, unsummarised, undescribed };
}
