// The @nestjs/swagger compiler plugin, in the shape ts-jest's astTransformers take, so that the
// OpenAPI document under test has the same DTO schemas as the webpack build (see webpack.config.js).
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  transformer.before({ classValidatorShim: true, introspectComments: true }, compiler.program);
