@echo off
rem kata.cmd: the kata runner on Windows (tools/Kata): status, next, hint, test, watch, reset, grade, verify, bench, train.
rem The runner works on the repository this script is in, from whatever folder it is started.
setlocal
set "KATA_ROOT=%~dp0."
dotnet run --project "%~dp0tools\Kata" -c Release -- %*
