/**
 * The root of lakesetup's exception hierarchy and the exceptions every layer throws:
 * {@link dev.lakesetup.core.exception.LakesetupException} (all lakesetup exceptions are unchecked and extend it),
 * {@link dev.lakesetup.core.exception.InvalidInputException} for values lakesetup cannot accept and
 * {@link dev.lakesetup.core.exception.ServiceException} for failures a service reported, with
 * {@link dev.lakesetup.core.exception.ServiceText}, which makes text a service returned printable in their messages.
 * This package imports no other lakesetup package, so every other package may use it.
 */
package dev.lakesetup.core.exception;
