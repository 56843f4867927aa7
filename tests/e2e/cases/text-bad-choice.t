# A scripted choice that is not on the screen stops with a usage error instead of playing on.
args: text stories/el-cruce --choices 1,7
exit: 2
stderr-contains: '7' is not one of the choices here (1 to 1)
